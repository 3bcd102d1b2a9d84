// The registry of subcommands: each lives in its own file and is listed here once.
import type { Command } from "../command.js";
import { buildCommand } from "./build.js";
import { evalCommand } from "./eval.js";
import { explainCommand } from "./explain.js";
import { exportCommand } from "./export.js";
import { ingestCommand } from "./ingest.js";
import { removeCommand } from "./remove.js";
import { validateCommand } from "./validate.js";
import { viewCommand } from "./view.js";

export const commands: readonly Command[] = [buildCommand, exportCommand, evalCommand, explainCommand, ingestCommand, removeCommand, validateCommand, viewCommand];
