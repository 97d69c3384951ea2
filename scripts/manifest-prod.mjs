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

/** The production add-in's own Id, so that Office does not confuse it with a developer's
 * sideloaded copy (manifest.xml keeps the development Id). A ministry that builds its own copy
 * may give its own GUID with RIPPLE_ADDIN_ID; keep it the same for every update. */
export const PRODUCTION_ID = "6f1d2c3a-8b4e-4f7a-9c2d-5e8b1a4f7c30";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** package.json's "1.2.3" as the manifest's four-part "1.2.3.0" (Office compares it on update). */
export function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(version ?? ""));
  if (!m || m.slice(1).some((n) => Number(n) > 65535)) throw new Error(`package.json version "${version}" is not major.minor.patch (each at most 65535)`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function httpsUrl(value, what) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error(`${what} "${value}" is not a URL`);
  }
  if (url.protocol !== "https:") throw new Error(`${what} "${value}" must use https`);
  return url.href;
}

/**
 * The production manifest text for a development manifest.
 * Throws when the base URL is unusable or when any localhost URL would survive (e.g. a URL on a
 * port other than 3000, or written as 127.0.0.1).
 */
export function toProductionManifest(xml, baseUrl, opts = {}) {
  const base = normaliseBaseUrl(baseUrl);
  let out = xml.split(DEV_ORIGIN).join(base);
  // Identity and version of the deployed add-in (opts from webpack.config.js or the command):
  // its own Id, the version of package.json (Office updates clients when it rises), and the
  // support page of whoever runs it — never the pane itself.
  if (opts.version !== undefined) out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(opts.version)}</Version>`);
  if (opts.id !== undefined || opts.version !== undefined) {
    const id = opts.id || PRODUCTION_ID;
    if (!GUID.test(id)) throw new Error(`RIPPLE_ADDIN_ID "${id}" is not a GUID (e.g. from New-Guid or uuidgen)`);
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  }
  if (opts.supportUrl !== undefined) {
    if (!opts.supportUrl) throw new Error("No support URL for the production manifest: set RIPPLE_SUPPORT_URL=https://… (your help desk's page; Office shows it as the add-in's support link).");
    out = out.replace(/<SupportUrl DefaultValue="[^"]*"\/>/, `<SupportUrl DefaultValue="${httpsUrl(opts.supportUrl, "RIPPLE_SUPPORT_URL")}"/>`);
  }
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
  const args = {
    in: "manifest.xml",
    out: "dist/addin/manifest.xml",
    baseUrl: process.env.RIPPLE_BASE_URL,
    supportUrl: process.env.RIPPLE_SUPPORT_URL ?? "",
    id: process.env.RIPPLE_ADDIN_ID,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--base-url") args.baseUrl = value();
    else if (a === "--in") args.in = value();
    else if (a === "--out") args.out = value();
    else if (a === "--support-url") args.supportUrl = value();
    else throw new Error(`Unknown argument ${a}`);
  }
  return args;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const pkg = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "..", "package.json"), "utf8"));
    const xml = toProductionManifest(readFileSync(args.in, "utf8"), args.baseUrl, { version: pkg.version, id: args.id, supportUrl: args.supportUrl });
    mkdirSync(dirname(resolve(args.out)), { recursive: true });
    writeFileSync(args.out, xml);
    console.log(`wrote ${args.out} for ${normaliseBaseUrl(args.baseUrl)}`);
  } catch (e) {
    console.error(`manifest-prod: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
