/** Fix stack for Spring (Spring MVC CorsConfiguration; Spring Security must run it via http.cors()). */
import type { Fix } from '../../../model';
import type { CorsSpec } from '../spec';
import { javaStr } from './quote';
import { stack } from './types';

function allow(s: CorsSpec): Fix {
  const list = (values: readonly string[]): string => `List.of(${values.map(javaStr).join(', ')})`;
  return {
    stack: 'spring',
    title: 'Spring: a CorsConfigurationSource bean (and http.cors() with Spring Security)',
    language: 'java',
    snippet: [
      '@Bean',
      'CorsConfigurationSource corsConfigurationSource() {',
      '    CorsConfiguration config = new CorsConfiguration();',
      `    config.setAllowedOrigins(${list(s.origins)});`,
      `    config.setAllowedMethods(${list([...s.methods, 'OPTIONS'])});`,
      ...(s.headers.length > 0 ? [`    config.setAllowedHeaders(${list(s.headers)});`] : []),
      ...(s.credentials ? ['    config.setAllowCredentials(true);'] : []),
      `    config.setMaxAge(${s.maxAge}L);`,
      '    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
      '    source.registerCorsConfiguration("/**", config);',
      '    return source;',
      '}',
      '',
      '// With Spring Security, let it use that bean so preflights are answered before authentication:',
      '// http.cors(Customizer.withDefaults());',
    ].join('\n'),
  };
}

export const springStack = stack('spring', { allow, 'preflight-no-auth': allow, errors: allow });
