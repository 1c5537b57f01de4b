// `npm run api:types`: regenerates dev/api-client/schema.d.ts after a route or schema changes.
import { writeFileSync } from "node:fs";
import { openApiTypes, SCHEMA_FILE } from "./types";

writeFileSync(SCHEMA_FILE, await openApiTypes());
console.log(`wrote ${SCHEMA_FILE.pathname}`);
