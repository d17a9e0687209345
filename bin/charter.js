#!/usr/bin/env node
// Charter's CLI entry. Plain JS so it can refuse an old Node before loading TypeScript sources.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `Charter 需要 Node.js 24 或更高版本（当前 ${process.version}）。请在项目目录运行 npm ci 后用 npx charter 或 npm 脚本启动，它们使用项目自带的 Node 24。\n` +
      `Charter needs Node.js 24 or later (this is ${process.version}). Run npm ci in the project, then use npx charter or an npm script: they use the project's own Node 24.\n`,
  );
  process.exit(2);
}
const { main } = await import('../engine/cli/main.ts');
await main();
