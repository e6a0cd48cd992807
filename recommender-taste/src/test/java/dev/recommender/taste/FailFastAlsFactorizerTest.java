package dev.recommender.taste;

import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.model.DataModel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FailFastAlsFactorizerTest {

    /**
     * A data model whose users claim an item the model does not list: Taste's worker then asks for
     * that item's factor row past the end of its feature matrix. Stock Taste prints the error and
     * carries on; ours must throw it.
     */
    @Test
    void aFailingWorkerFailsTheFactorization() throws Exception {
        DataModel real = TasteData.of(PlantedGroups.ratings(), TasteData.Preferences.VALUES).dataModel();
        DataModel inconsistent = (DataModel) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataModel.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getItemIDsFromUser")) {
                        FastIDSet items = real.getItemIDsFromUser((Long) args[0]).clone();
                        items.add(1_000_000L);
                        return items;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        FailFastAlsFactorizer factorizer = new FailFastAlsFactorizer(inconsistent, 2, 0.065, 1, false, 1, 2);
        TasteRuntimeException error = assertThrows(TasteRuntimeException.class, factorizer::factorize);
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, error.getCause());
        assertEquals("an ALS-WR worker failed: " + error.getCause(), error.getMessage());
    }
}
