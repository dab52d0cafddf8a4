// Fixtures without Jest (@lookbook/testing/fixtures): the catalog generator and the read pages, shared by the
// read-path tests and `npm run bench` (which runs outside Jest, so it must not load the rest of the testing lib).
export * from './lib/catalog-generator';
export * from './lib/read-pages';
