import { EsbuildPlugin } from 'esbuild-loader';
import { join } from 'node:path';
import type { Configuration } from 'webpack';

/**
 * The host page's script and the Office.js stand-in, built like the taskpane (esbuild, es2022),
 * into `<output>/outlook-host/`: the bridge serves office.js next to the taskpane.
 */
export function hostScriptsConfig(root: string, output: string): Configuration {
  return {
    mode: 'production',
    context: root,
    target: ['web', 'es2022'],
    entry: {
      office: './dev/outlook-host/office-stand-in/office.ts',
      host: './dev/outlook-host/page/host-page.ts',
    },
    output: { path: join(output, 'outlook-host'), filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2022' } }] },
    optimization: { minimizer: [new EsbuildPlugin({ target: 'es2022', legalComments: 'none' })] },
    performance: { hints: false },
    devtool: 'source-map',
    infrastructureLogging: { level: 'error' },
  };
}
