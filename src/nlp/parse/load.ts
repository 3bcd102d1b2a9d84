// Where the committed parse model lives, and loading it once per thread.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WordClusters } from "../ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../ner/tagger.js";
import { UdAnnotator } from "./annotator.js";
import { ParseModel } from "./model.js";

export const PARSE_MODEL_FILE = fileURLToPath(new URL("../../../models/parse/model.bin.gz", import.meta.url));

let annotator: UdAnnotator | undefined;

/** The committed model with the NER's word clusters; loaded on first use and kept for the thread's lifetime. */
export function loadAnnotator(): UdAnnotator {
  annotator ??= new UdAnnotator(ParseModel.deserialise(readFileSync(PARSE_MODEL_FILE)), WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE));
  return annotator;
}
