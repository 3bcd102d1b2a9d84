import { UsageError } from "./args.js";
import type { Command, CommandIO } from "./command.js";
import { commands } from "./commands/index.js";

function help(): string {
  const lines = ["newsgraph: turn news articles into a knowledge graph", "", "Commands:"];
  for (const c of commands) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push("", "Run `newsgraph <command> --help` for a command's options.");
  return lines.join("\n") + "\n";
}

/** The only place errors are caught: usage errors exit 2, anything else exits 1 with its message. */
export async function main(argv: string[], io: CommandIO = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`newsgraph: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage.trimEnd() + "\n");
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`newsgraph ${name}: ${err.message}\n\n${command.usage.trimEnd()}\n`);
      return 2;
    }
    io.stderr.write(`newsgraph ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
