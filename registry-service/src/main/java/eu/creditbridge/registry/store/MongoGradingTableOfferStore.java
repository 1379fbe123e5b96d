package eu.creditbridge.registry.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import eu.creditbridge.kernel.SchacCode;
import eu.creditbridge.registry.application.GradingTableOfferStore;
import eu.creditbridge.registry.domain.GradingTableOffer;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;

/** Collection {@code gradingTableOffers}: one document per institution ({@code _id} its SCHAC code), the latest offer. */
public class MongoGradingTableOfferStore implements GradingTableOfferStore {

    private final MongoCollection<Document> offers;

    public MongoGradingTableOfferStore(MongoDatabase database) {
        this.offers = database.getCollection("gradingTableOffers");
    }

    @Override
    public void put(GradingTableOffer offer) {
        offers.replaceOne(eq("_id", offer.institution().value()), new Document("_id", offer.institution().value())
                        .append("gradingTable", InstitutionDocuments.gradingTable(offer.table()))
                        .append("source", offer.source())
                        .append("offeredBy", offer.offeredBy())
                        .append("offeredAt", Dates.write(offer.offeredAt())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<GradingTableOffer> find(SchacCode institution) {
        return Optional.ofNullable(offers.find(eq("_id", institution.value())).first())
                .map(d -> new GradingTableOffer(institution, InstitutionDocuments.gradingTable(d.get("gradingTable", Document.class)),
                        d.getString("source"), d.getString("offeredBy"), Dates.read(d.getDate("offeredAt"))));
    }

    @Override
    public boolean remove(SchacCode institution, Instant offeredAt) {
        return offers.deleteOne(and(eq("_id", institution.value()), eq("offeredAt", Dates.write(offeredAt)))).getDeletedCount() == 1;
    }
}
