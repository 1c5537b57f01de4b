// Name of the migrated database that each test file clones (shared by Node and workerd sides).
export const TEMPLATE_DATABASE = "template_test";
