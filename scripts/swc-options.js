// One set of SWC options for the dev runner (scripts/run.js) and for Jest, so that
// decorators and their metadata (needed by type-graphql and MikroORM) compile the same way.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
