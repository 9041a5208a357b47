// The application's own authentication (jakarta.servlet; servlet-lab.ts rewrites it to javax.servlet for
// Jetty 9): a request without an Authorization header gets a 401 in JSON (no WWW-Authenticate, as token
// APIs answer). Mapped before the CORS filter in a case's web.xml, it refuses preflights too, which never
// carry that header.
import java.io.IOException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class LabAuthFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (((HttpServletRequest) req).getHeader("Authorization") == null) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(401);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"unauthorized\"}");
            return;
        }
        chain.doFilter(req, res);
    }
}
