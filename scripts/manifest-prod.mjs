// Production manifest: replaces the development origin (https://localhost:3000) with the URL the
// built add-in is hosted at, and refuses to produce a manifest that still points at localhost
// (Excel would load nothing for users, with no error worth reading).
//
//   node scripts/manifest-prod.mjs --base-url https://example.org/ripple [--in manifest.xml] [--out dist/addin/manifest.xml]
//   RIPPLE_BASE_URL=https://example.org/ripple node scripts/manifest-prod.mjs
//
// webpack.config.js calls toProductionManifest() for `webpack --mode production`.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEV_ORIGIN = "https://localhost:3000";

// Any URL whose host is a loopback name: localhost, 127.x.x.x, [::1], with or without a port.
const LOOPBACK_URL = /\bhttps?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?[^\s"'<>]*/gi;

/** Normalise and check the hosting URL: https, not loopback, no trailing slash. */
export function normaliseBaseUrl(baseUrl) {
  if (typeof baseUrl !== "string" || baseUrl.trim() === "") {
    throw new Error(
      "No base URL for the production manifest: set RIPPLE_BASE_URL=https://your.host/path " +
        "(or pass --base-url / webpack --env baseUrl=…).",
    );
  }
  let url;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new Error(`Base URL "${baseUrl}" is not a URL; give e.g. https://example.org/ripple`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`Base URL "${baseUrl}" must use https: Office loads add-ins only over https.`);
  }
  if (url.search || url.hash) {
    throw new Error(`Base URL "${baseUrl}" must not have a query or fragment.`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Loopback URLs left in a manifest text (empty when it is fit for production). */
export function findLocalUrls(xml) {
  return [...new Set(xml.match(LOOPBACK_URL) ?? [])];
}

/**
 * The production manifest text for a development manifest.
 * Throws when the base URL is unusable or when any localhost URL would survive (e.g. a URL on a
 * port other than 3000, or written as 127.0.0.1).
 */
export function toProductionManifest(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const out = xml.split(DEV_ORIGIN).join(base);
  const left = findLocalUrls(out);
  if (left.length > 0) {
    throw new Error(
      `The production manifest would still point at localhost: ${left.join(", ")}. ` +
        `Only ${DEV_ORIGIN} is replaced; change the other URLs in manifest.xml.`,
    );
  }
  return out;
}

function parseArgs(argv) {
  const args = { in: "manifest.xml", out: "dist/addin/manifest.xml", baseUrl: process.env.RIPPLE_BASE_URL };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--base-url") args.baseUrl = value();
    else if (a === "--in") args.in = value();
    else if (a === "--out") args.out = value();
    else throw new Error(`Unknown argument ${a}`);
  }
  return args;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const xml = toProductionManifest(readFileSync(args.in, "utf8"), args.baseUrl);
    mkdirSync(dirname(resolve(args.out)), { recursive: true });
    writeFileSync(args.out, xml);
    console.log(`wrote ${args.out} for ${normaliseBaseUrl(args.baseUrl)}`);
  } catch (e) {
    console.error(`manifest-prod: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
