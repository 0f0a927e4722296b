// npm run user:create -- --email editor@example.com --role admin [--name 张三]
// The password comes from BANMIAN_PASSWORD or is asked for (not echoed).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db/client";
import { createUser, newUserSchema } from "../lib/auth/users";

function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
    output._writeToOutput = (text: string) => {
      if (text.includes(question)) output.output.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "editor" }, name: { type: "string" } },
});
let password = process.env.BANMIAN_PASSWORD ?? "";
if (!password) {
  if (!process.stdin.isTTY) {
    console.error("Set BANMIAN_PASSWORD or run in a terminal to be asked for the password.");
    process.exit(2);
  }
  password = await ask("Password: ");
  if ((await ask("Repeat password: ")) !== password) {
    console.error("The passwords differ.");
    process.exit(2);
  }
}
const parsed = newUserSchema.safeParse({
  email: values.email ?? "",
  name: values.name ?? values.email?.split("@")[0] ?? "",
  password,
  role: (values.role ?? "").toUpperCase(),
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error("Usage: npm run user:create -- --email editor@example.com --role admin|editor [--name 姓名]");
  process.exit(2);
}
const prisma = createPrismaClient();
try {
  const user = await createUser(prisma, parsed.data);
  console.log(`Created ${user.role.toLowerCase()} ${user.email} (id ${user.id}).`);
} catch (error) {
  if ((error as { code?: string }).code === "P2002") {
    console.error(`An account for ${parsed.data.email} exists already.`);
    process.exit(1);
  }
  throw error;
} finally {
  await prisma.$disconnect();
}
