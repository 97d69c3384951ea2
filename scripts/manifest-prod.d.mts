// Types for scripts/manifest-prod.mjs (used by the manifest tests).
export declare const DEV_ORIGIN: string;
export declare function normaliseBaseUrl(baseUrl: string | undefined): string;
export declare function findLocalUrls(xml: string): string[];
export declare function toProductionManifest(xml: string, baseUrl: string | undefined): string;
