// Date strings as news sources write them -> YYYY-MM-DD. The date is kept as written (no time-zone shift):
// "2024-06-30T23:30:00-05:00" is 2024-06-30, the day the publisher printed.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** Each pattern names which capture group holds year, month and day. */
const PATTERNS: readonly { re: RegExp; y: number; m: number; d: number }[] = [
  // 2024-06-30, 2024-06-30T02:58:00Z, 2024/06/30, 2024.06.30
  { re: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, y: 1, m: 3, d: 4 },
  // 30 Jun, 2024 | 30 June 2024 | 26-FEB-1987 15:01:01.79 | Sun, 30 Jun 2024 02:58:00 GMT
  { re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[ \\-]${MONTH}\\.?,?[ \\-](\\d{4})(?!\\d)`, "i"), y: 3, m: 2, d: 1 },
  // June 30, 2024 | Jun. 30 2024 | June 30th, 2024
  { re: new RegExp(`\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)`, "i"), y: 3, m: 1, d: 2 },
];

function monthNumber(token: string): number | undefined {
  const n = Number(token);
  if (Number.isInteger(n) && token.trim() !== "") return n;
  return MONTHS[token.toLowerCase()];
}

/** Formats a calendar date, or null when it does not exist (Feb 30) or the year is implausible for news. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface DateMatch {
  date: string;
  /** Where the date was found in the searched string. */
  index: number;
}

/** Finds the first full date (day, month and year) in a string; dates without a year are ignored. */
export function findDate(text: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const { re, y, m, d } of PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const month = monthNumber(match[m] ?? "");
    const date = month === undefined ? null : formatDate(Number(match[y]), month, Number(match[d]));
    if (date && (!best || match.index < best.index)) best = { date, index: match.index };
  }
  return best;
}

/**
 * Normalises a date field (string or epoch milliseconds) to YYYY-MM-DD; null when it cannot be read.
 * Accepts ISO dates with or without time, "26-FEB-1987 15:01:01.79", "30 Jun, 2024", "June 30, 2024".
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    const d = new Date(value);
    return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof value !== "string") return null;
  return findDate(value.trim())?.date ?? null;
}
