// The OpenAPI sweep (test/worker/api/openapi-sweep.ts) over the operations tagged dashboard, inventory, recommendations and warehouses.
import { sweepGroup } from "./openapi-sweep";

sweepGroup("stock", 43);
