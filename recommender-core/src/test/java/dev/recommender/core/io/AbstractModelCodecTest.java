package dev.recommender.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.BaselineCodec;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.baseline.PopularityCodec;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdCodec;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.mf.SvdPlusPlusCodec;
import org.junit.jupiter.api.Test;

/** The identity and validation that {@link AbstractModelCodec} gives every codec built on it. */
class AbstractModelCodecTest {
    /** A codec with a chosen identity; it writes only the catalog size and never decodes. */
    private static final class Fixed extends AbstractModelCodec<Popularity> {
        Fixed(String type, int version) {
            super(type, version, Popularity.class);
        }

        @Override
        public ModelData encode(Popularity model) {
            return newData().property("items", model.items().size()).build();
        }

        @Override
        public Popularity decode(ModelData data) {
            throw new UnsupportedOperationException("not used");
        }
    }

    @Test
    void coreCodecsKeepTheirFileIdentity() {
        // the type names and versions already written into saved model files: they must never change
        assertIdentity(new PopularityCodec(), "popularity", 1, Popularity.class);
        assertIdentity(new BaselineCodec(), "baseline", 1, Baseline.class);
        assertIdentity(new SvdCodec(), "svd", 1, Svd.class);
        assertIdentity(new SvdPlusPlusCodec(), "svdpp", 1, SvdPlusPlus.class);
    }

    @Test
    void newDataCarriesTheCodecTypeAndVersion() {
        Interactions twoItems = Interactions.builder().add("u1", "a", 4).add("u2", "b", 3).build();
        ModelData data = new Fixed("fixed", 3).encode(Popularity.Config.defaults().fit(twoItems));
        assertEquals("fixed", data.modelType());
        assertEquals(3, data.modelVersion());
        assertEquals(2, data.intProperty("items"));
    }

    @Test
    void requireCurrentVersionRefusesOlderAndNewerContent() {
        Fixed codec = new Fixed("fixed", 3);
        codec.requireCurrentVersion(ModelData.builder("fixed", 3).build());
        assertEquals("unsupported fixed model version 2", assertThrows(IllegalArgumentException.class,
                () -> codec.requireCurrentVersion(ModelData.builder("fixed", 2).build())).getMessage());
        assertEquals("unsupported fixed model version 4", assertThrows(IllegalArgumentException.class,
                () -> codec.requireCurrentVersion(ModelData.builder("fixed", 4).build())).getMessage());
    }

    @Test
    void refusesABadIdentityNamingTheArgument() {
        assertEquals("type must be non-blank, got ' '",
                assertThrows(IllegalArgumentException.class, () -> new Fixed(" ", 1)).getMessage());
        assertEquals("version must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Fixed("fixed", 0)).getMessage());
        assertEquals("type", assertThrows(NullPointerException.class, () -> new Fixed(null, 1)).getMessage());
    }

    private static void assertIdentity(ModelCodec<?> codec, String type, int version, Class<?> modelClass) {
        assertEquals(type, codec.type());
        assertEquals(version, codec.version());
        assertEquals(modelClass, codec.modelClass());
    }
}
