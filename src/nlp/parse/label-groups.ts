// Coarse groups of dependency relations for the move classifier. A move is SHIFT, or LEFT/RIGHT with a group
// (LEFT-subject, RIGHT-complement, ...): the arc's kind tells the move classifier much (a left arc to a subject
// and one to a determiner have different contexts), while one 3-class LEFT would have to score both alike. The
// exact relation inside the group is chosen by the label classifier. Fewer classes than all relations keep
// the move rows short, which is what decoding speed depends on.

const GROUPS: readonly (readonly string[])[] = [
  ["nsubj", "csubj", "expl"],
  ["obj", "iobj", "xcomp", "ccomp"],
  ["obl", "advmod", "advcl", "discourse", "vocative", "dislocated", "parataxis"],
  ["det", "amod", "nummod", "nmod", "appos", "acl"],
  ["compound", "flat", "fixed", "goeswith"],
  ["case", "mark", "cc"],
  ["aux", "cop"],
  ["conj", "list", "orphan", "reparandum", "dep"],
  ["punct"],
  ["root"],
];
export const N_GROUPS = GROUPS.length;

/** Group id of a relation (by its universal part; unknown relations go with "dep"). */
export function groupOf(label: string): number {
  const base = label.includes(":") ? label.slice(0, label.indexOf(":")) : label;
  const g = GROUPS.findIndex((members) => members.includes(base));
  return g >= 0 ? g : GROUPS.findIndex((members) => members.includes("dep"));
}
