// The application's own authentication (javax.servlet, for Jetty 9): a request without an Authorization
// header gets a 401 in JSON (no WWW-Authenticate, as token APIs answer). Mapped before the CORS filter
// in a case's web.xml, it refuses preflights too, which never carry that header.
import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
