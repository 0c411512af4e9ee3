/** Lets tests import migrations the way esbuild bundles them: as text. */
module.exports = {
  process: (source) => ({ code: `module.exports = { __esModule: true, default: ${JSON.stringify(source)} };` }),
};
