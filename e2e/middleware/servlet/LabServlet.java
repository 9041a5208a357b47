// The application behind every servlet container case (jakarta.servlet; servlet-lab.ts rewrites it to
// javax.servlet for Jetty 9): {"ok":true} for GET, POST, PUT and DELETE (HttpServlet answers OPTIONS
// itself), or an exception when its init-param "fails" is true (a database that is down).
import java.io.IOException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class LabServlet extends HttpServlet {
    private void answer(HttpServletResponse res) throws IOException, ServletException {
        if ("true".equals(getInitParameter("fails"))) throw new ServletException("database down");
        res.setContentType("application/json");
        res.getWriter().write("{\"ok\":true}");
    }

    @Override protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException { answer(res); }
    @Override protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException { answer(res); }
    @Override protected void doPut(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException { answer(res); }
    @Override protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException, ServletException { answer(res); }
}
