#!/usr/bin/env node
// Makes a fresh clone runnable: npm packages, the compiled command line, and (with --test) the
// Debian programs the tests drive: chromium for the task pane, LibreOffice for result files.
// Runs before `npm run demo` and `npm test` so that the README's two commands are all one needs.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const forTests = process.argv.includes("--test");

function run(cmd) {
  console.error(`[setup] ${cmd}`);
  execSync(cmd, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

function newestSource() {
  let newest = mtime(join(root, "tsconfig.build.json"));
  for (const dir of ["src/engine", "src/usecases", "src/report", "src/workbook/xlsx", "src/cli"]) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs, { recursive: true })) newest = Math.max(newest, mtime(join(abs, String(f))));
  }
  return newest;
}

// npm packages: install when missing or when the lock file changed since the last install.
const lock = join(root, "package-lock.json");
const marker = join(root, "node_modules", ".package-lock.json");
if (!existsSync(marker) || mtime(lock) > mtime(marker)) {
  run("npm ci --no-audit --no-fund --legacy-peer-deps");
} else if (mtime(join(root, "dist", "cli", "main.js")) < newestSource()) {
  // The command line runs from dist/: rebuild it when a source file it compiles has changed.
  run("npm run build:cli");
}

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: "ignore", shell: "/bin/bash" });
    return true;
  } catch {
    return false;
  }
}

if (forTests) {
  const missing = [];
  if (!existsSync("/usr/bin/chromium")) missing.push("chromium");
  if (!has("soffice") && !has("libreoffice")) missing.push("libreoffice-calc-nogui");
  // pdftotext reads the printed pages back (test/workbook/xlsx/printPages.test.ts)
  if (!has("pdftotext")) missing.push("poppler-utils");
  if (missing.length) {
    const sudo = process.getuid && process.getuid() === 0 ? "" : "sudo ";
    try {
      run(`${sudo}apt-get update -qq`);
      run(`DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(" ")} fonts-noto-cjk`);
    } catch {
      console.error(
        `[setup] could not install ${missing.join(", ")} with apt-get. Install them and run the tests again.`,
      );
      process.exit(1);
    }
  }
}
