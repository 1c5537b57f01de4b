-- Room on each heap page of inventory for the next version of its rows. A scheduled sync rewrites the cells
-- whose stock moved (a few thousand per 100k); with full pages every such update moved the row to another
-- page and inserted it again into all three indexes. With 20% free, most become HOT updates (same page,
-- no index writes: the indexed columns listing_id, warehouse_id, org_id, product_id rarely change).
ALTER TABLE "inventory" SET (fillfactor = 80);
