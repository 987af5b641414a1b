// Builds the Outlook add-in into dist/ (the bridge serves it): the taskpane, its on-demand chunks
// (MSAL, compose, settings, admin) and the sign-in dialog page, plus the icons the manifests name.
import CompressionPlugin from 'compression-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlib } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const assetsDir = resolve(root, 'assets');

/** Office requires Office.js from Microsoft's CDN in production; a local Outlook stand-in can pass its own. */
const defaultOfficeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Copies assets/*.png to dist/assets/, where both manifests point (no copy plugin is installed). */
class CopyIconsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyIconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyIconsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of readdirSync(assetsDir).filter((name) => name.endsWith('.png'))) {
          compilation.fileDependencies.add(join(assetsDir, file));
          compilation.emitAsset(`assets/${file}`, new sources.RawSource(readFileSync(join(assetsDir, file))));
        }
      });
    });
  }
}

/** Scripts and style sheets: content-hashed, so their compressed copies are made once per build. */
const compressible = /\.(js|css)$/;

export default (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const officeJsUrl = env.officeJsUrl ?? process.env.OFFICE_JS_URL ?? defaultOfficeJsUrl;
  return {
    mode,
    target: ['web', 'es2022'],
    entry: {
      taskpane: './src/taskpane/index.ts',
      'auth-dialog': './src/auth/dialog/auth-dialog.ts',
    },
    output: {
      path: env.outputPath ? resolve(env.outputPath) : resolve(root, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      // .mjs: MSAL's own modules, reached through the alias below without their extension.
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      // MSAL's nested app authentication without its standard client (src/auth/load-naa-client.ts);
      // tsconfig.json and vitest.config.ts map the same name.
      alias: { 'msal-browser-internals': resolve(root, 'node_modules/@azure/msal-browser/dist') },
    },
    module: {
      // es2022 for the Office webviews we support (Edge WebView2, Safari/WKWebView): no legacy polyfills.
      rules: [{ test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022', jsx: 'automatic' } }],
    },
    optimization: {
      // webpack's own minimizer, terser: unlike esbuild's minifier it drops the unused functions
      // inside each module, which takes 17 KB gzip (msal 9, entry 8) off the script before the card.
      minimizeOptions: { javascript: { ecma: 2022, module: false, compress: { passes: 1 }, format: { comments: false } } },
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], officeJsUrl }),
      new HtmlWebpackPlugin({ filename: 'auth-dialog.html', template: './src/auth/dialog/auth-dialog.html', chunks: ['auth-dialog'], officeJsUrl }),
      new CopyIconsPlugin(),
      // The bridge serves these beside each script and style sheet when Accept-Encoding allows (server/http/serve-taskpane.ts).
      ...(mode === 'production'
        ? [
            new CompressionPlugin({ test: compressible, filename: '[path][base].br', algorithm: 'brotliCompress', compressionOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }, minRatio: 1 }),
            new CompressionPlugin({ test: compressible, filename: '[path][base].gz', algorithm: 'gzip', compressionOptions: { level: 9 }, minRatio: 1 }),
          ]
        : []),
    ],
    // The size budget is checked in gzip by test/src/taskpane/bundle-size.test.ts, not by webpack's raw-size hints.
    performance: { hints: false },
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
  };
};
