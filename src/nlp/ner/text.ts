// Token normalisation shared by the tagger's features and the cluster builder, so both see the same keys.

const SPECIAL = /[\u2013\u2014\u2018\u2019\u201a-\u201f\u2032\u00ab\u00bb]/;

/** Straight quotes for curly ones and "-" for en/em dashes, without touching case (most tokens returned as is). */
export function normaliseToken(token: string): string {
  if (!SPECIAL.test(token)) return token;
  let out = token;
  if (/[\u2018\u2019\u201a\u201b\u2032]/.test(out)) out = out.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'");
  if (/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/.test(out)) out = out.replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"');
  if (/[\u2013\u2014]/.test(out)) out = out.replace(/[\u2013\u2014]/g, "-");
  return out;
}

/** The key for word-cluster look-ups: lower case, every digit as 0 (numbers cluster by form, not value). */
export function clusterKey(normalised: string): string {
  return normalised.toLowerCase().replace(/[0-9]/g, "0");
}
