// Builds the Outlook add-in's taskpane bundle into dist/. The bridge serves dist/ in production.
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  target: ['web', 'es2022'],
  entry: { taskpane: './src/taskpane/index.ts' },
  output: { path: resolve(root, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2022' } }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] })],
  devtool: 'source-map',
});
