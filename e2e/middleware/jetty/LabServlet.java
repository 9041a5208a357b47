// The application behind every Jetty case (javax.servlet, as Jetty 9 serves): {"ok":true} for GET, POST, PUT
// and DELETE (HttpServlet answers OPTIONS itself), or an exception when its init-param "fails" is true.
import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
