import type { Command } from "../command.js";

export const buildCommand: Command = {
  name: "build",
  summary: "build a graph JSON from article files or folders",
  usage: "newsgraph build <paths...> [--out FILE]\n",
  async run() {
    throw new Error("not implemented yet");
  },
};
