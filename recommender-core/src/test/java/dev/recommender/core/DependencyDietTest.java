package dev.recommender.core;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application that depends on recommender-core gets slf4j-api and nothing else (issue 14): every
 * other dependency in core's pom must be optional or test-scoped. Adding one fails here; if it is
 * really needed, change the expected list, the README's module table and say why in the pom.
 */
class DependencyDietTest {
    @Test
    void coreHasNoRuntimeDependencyButSlf4jApi() throws Exception {
        Path pom = Path.of("pom.xml");
        assertTrue(Files.isRegularFile(pom), "run from recommender-core's directory (Maven's basedir)");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Element dependencies = (Element) document.getDocumentElement().getElementsByTagName("dependencies").item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> runtime = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (int d = 0; d < list.getLength(); d++) {
            Element dependency = (Element) list.item(d);
            String name = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if (scope.equals("test") || scope.equals("provided")) {
                continue;
            }
            (text(dependency, "optional").equals("true") ? optional : runtime).add(name);
        }
        assertEquals(List.of("org.slf4j:slf4j-api"), runtime);
        assertEquals(List.of("com.github.jelmerk:hnswlib-core", "com.github.haifengl:smile-core"), optional);
    }

    private static String text(Element element, String tag) {
        NodeList nodes = element.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
