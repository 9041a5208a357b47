// Apache Tomcat, embedded from Debian's libtomcat10-java, serving one web application per case of the
// middleware lab: <dir>/<id>/WEB-INF/web.xml (written by e2e/middleware/tomcat-lab.ts) at /t/<id>. CORS is
// whatever each web.xml configures (Tomcat's own org.apache.catalina.filters.CorsFilter, a hand-written
// filter, security constraints, nothing); Chromium judges the answers.
//   java -cp <classes>:<tomcat jars> TomcatLab <port> <dir>
import java.io.File;
import org.apache.catalina.Context;
import org.apache.catalina.realm.NullRealm;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

public class TomcatLab {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        File lab = new File(args[1]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(new File(lab, ".tomcat").getAbsolutePath());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // No user exists: a <security-constraint> refuses every request it covers (401), as for a visitor.
        tomcat.getEngine().setRealm(new NullRealm());
        File[] apps = lab.listFiles((f) -> f.isDirectory() && new File(f, "WEB-INF/web.xml").isFile());
        if (apps != null) {
            for (File app : apps) {
                Context ctx = tomcat.addWebapp("/t/" + app.getName(), app.getAbsolutePath());
                // The lab's classes and Tomcat's jars are on the class path: nothing there to scan.
                StandardJarScanner scanner = new StandardJarScanner();
                scanner.setScanClassPath(false);
                scanner.setScanManifest(false);
                ctx.setJarScanner(scanner);
            }
        }
        tomcat.start();
        tomcat.getServer().await();
    }
}
