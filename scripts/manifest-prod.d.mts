// Types for scripts/manifest-prod.mjs (used by the manifest tests).
export declare const DEV_ORIGIN: string;
export declare const PRODUCTION_ID: string;
export declare function normaliseBaseUrl(baseUrl: string | undefined): string;
export declare function findLocalUrls(xml: string): string[];
export declare function manifestVersion(version: string): string;
export declare function toProductionManifest(
  xml: string,
  baseUrl: string | undefined,
  opts?: { version?: string; id?: string; supportUrl?: string },
): string;
