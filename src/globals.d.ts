declare const __CORS_LENS_VERSION__: string;
