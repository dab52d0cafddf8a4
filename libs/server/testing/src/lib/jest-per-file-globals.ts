// @nestjs/graphql keeps its type metadata on `global.GqlTypeMetadataStorage`. Jest runs several test files in one
// worker, and a storage left by an earlier file holds that file's classes (from another module registry), which
// breaks schema building in the next. Start every test file with a fresh one.
delete (globalThis as { GqlTypeMetadataStorage?: unknown }).GqlTypeMetadataStorage;
