/** The version baked in at build time (vite `define`); "0.0.0-dev" when run from source. */
export function cliVersion(): string {
  return typeof __CORS_LENS_VERSION__ === 'string' ? __CORS_LENS_VERSION__ : '0.0.0-dev';
}
