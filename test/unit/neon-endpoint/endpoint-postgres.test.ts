// Runs the endpoint suite against a real PostgreSQL server: the one NEON_ENDPOINT_TEST_POSTGRES_URL names (an
// admin connection string), else a throwaway one when Debian's PostgreSQL server is installed.

import { afterAll, beforeAll, describe } from "vitest";
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from "../../support/throwaway-postgres";
import { POSTGRES_URL } from "./fixture.js";
import { defineEndpointSuite } from "./suite.js";

describe.skipIf(POSTGRES_URL === undefined && !postgresInstalled())(
  "postgres backend (a real server: Debian's postgresql installed, or NEON_ENDPOINT_TEST_POSTGRES_URL=postgres://...)",
  () => {
    let server: ThrowawayPostgres | undefined;
    let url = POSTGRES_URL ?? "";
    beforeAll(async () => {
      if (POSTGRES_URL !== undefined) return;
      server = await startThrowawayPostgres();
      url = server.url;
    });
    // After the suite's own afterAll (hooks unwind in reverse): the endpoint closes before the server stops.
    afterAll(() => server?.stop());
    // The URL is read when the suite starts its endpoint, after the server above is up.
    defineEndpointSuite({
      kind: "postgres",
      get url() {
        return url;
      },
    });
  },
);
