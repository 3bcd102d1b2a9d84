// Values quoted in messages (ids, paths, names) can be as long as the input makes them: a 5,000-character id
// echoed in every warning buries the message. Long values keep their head and tail around an ellipsis.

/** `value` when at most `max` characters, else its head and tail joined by "…" (`max` characters in all). */
export function shorten(value: string, max = 80): string {
  if (value.length <= max) return value;
  const tail = Math.floor((max - 1) / 3);
  const head = max - 1 - tail;
  return `${safeHead(value, head)}…${safeTail(value, tail)}`;
}

// Never cut a surrogate pair in half: a lone surrogate is not valid text in a terminal or a JSON file.
function safeHead(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

function safeTail(s: string, n: number): string {
  const from = s.length - n;
  const code = s.charCodeAt(from);
  return s.slice(code >= 0xdc00 && code <= 0xdfff ? from + 1 : from);
}
