export declare const CANDIDATES: string[];
export declare function findChrome(): string | null;
