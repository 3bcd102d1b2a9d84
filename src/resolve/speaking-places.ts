// Places do not speak. "In a statement, Peabody said: ..." names a company whose name is also a town's; a place
// that is the subject of a reporting verb in the tree is the organization of that name. A capital that speaks is
// its country's government and was made a country before this step; nothing here touches countries.
import type { Article } from "../types.js";
import type { RefIndex } from "./refs.js";
import { lexicon } from "../extract/lexicon.js";
import { isParsed } from "../nlp/parse/index.js";
import { subjectsOf } from "../nlp/parse/paths.js";

export function speakingPlacesAreBodies(article: Article, refs: RefIndex): void {
  const lex = lexicon();
  const speakers = new Set<string>();
  article.sentences.forEach((s, si) => {
    if (!isParsed(s)) return;
    s.tokens.forEach((t, k) => {
      if (t.upos !== "VERB" || lex.verbs.get(t.text.toLowerCase())?.speech !== true) return;
      for (const n of subjectsOf(s, k)) {
        const r = refs.at(si, n);
        if (r?.kind === "place" && r.how === "name") speakers.add(r.entity);
      }
    });
  });
  for (const id of speakers) {
    const e = refs.entityById.get(id);
    // a place the gazetteer or a cue was sure of (a city, a province) stays a place: "Kirkuk said" is rare, a
    // town-named company common
    if (!e || e.kind !== "place" || e.certain > 0) continue;
    e.kind = "organization";
    for (const list of refs.bySentence) for (const r of list) if (r.entity === id) r.kind = "organization";
  }
}
