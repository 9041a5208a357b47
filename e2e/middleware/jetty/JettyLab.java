// Eclipse Jetty 9.4, embedded from Debian's libjetty9-java, serving one web application per case of the
// middleware lab: <dir>/<id>/WEB-INF/web.xml (written by e2e/middleware/jetty-lab.ts) at /j/<id>. CORS is
// whatever each web.xml configures (Jetty's org.eclipse.jetty.servlets.CrossOriginFilter, the
// application's filters, nothing); Chromium judges the answers.
//   java -cp <classes>:<jetty jars> JettyLab <port> <dir>
import java.io.File;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.webapp.WebAppContext;

public class JettyLab {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        File lab = new File(args[1]);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        File[] apps = lab.listFiles((f) -> f.isDirectory() && new File(f, "WEB-INF/web.xml").isFile());
        if (apps != null) {
            for (File app : apps) {
                WebAppContext ctx = new WebAppContext();
                ctx.setContextPath("/j/" + app.getName());
                ctx.setResourceBase(app.getAbsolutePath());
                // The lab's classes are on the class path, not in WEB-INF/classes.
                ctx.setParentLoaderPriority(true);
                // No webdefault.xml: its JSP servlet is not on the class path, and the cases serve no files.
                ctx.setDefaultsDescriptor(null);
                contexts.addHandler(ctx);
            }
        }
        server.setHandler(contexts);
        server.start();
        server.join();
    }
}
