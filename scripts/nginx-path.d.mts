export declare const NGINX_CANDIDATES: string[];
export declare function findNginx(): string | null;
export declare function requireNginx(): string;
