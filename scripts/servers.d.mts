export type ServerName = 'nginx' | 'apache' | 'caddy' | 'fastapi' | 'flask' | 'django' | 'rack' | 'go' | 'php' | 'tomcat' | 'jetty';
export declare const SERVERS: Record<ServerName, { env: string; candidates: string[]; debianPackage: string; probe?: string[]; requires?: (path: string) => string[] }>;
export declare function findServer(name: ServerName): string | null;
export declare function requireServer(name: ServerName): string;
export declare const GO_ENV: Record<string, string>;
export declare const TOMCAT_JARS: string;
export declare function tomcatJars(): string[];
export declare const JETTY_JARS: string;
export declare function jettyJars(): string[];
