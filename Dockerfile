# The ERP bridge and the add-in it serves, for production. See docs/deployment.md.
#   docker build -t erp-bridge .          (or: podman build -t erp-bridge .)
#   docker compose up                     (the bridge and PostgreSQL: compose.yaml)
ARG NODE_IMAGE=node:22-bookworm-slim

# Build: every dependency, the type check and the production taskpane (dist/ with .br and .gz copies).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 is compiled from source here instead of fetching a prebuilt binary at install time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# Runtime: production dependencies, the bridge's sources (run by tsx) and the built add-in; no compiler, no tests.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    BRIDGE_CONFIG=/etc/erp-bridge/bridge.config.json \
    HEALTHCHECK_URL=http://127.0.0.1:3000/healthz
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server ./server
COPY --from=build /app/src ./src
# A SQLite store or demo ERP, when configured, is written under /var/lib/erp-bridge (a volume).
RUN mkdir -p /var/lib/erp-bridge && chown node:node /var/lib/erp-bridge
# The node image's unprivileged user (uid 1000): the bridge never runs as root.
USER node
EXPOSE 3000
# Liveness only (/healthz answers while the process does); /readyz also checks the store and ERPs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/tsx", "server/main.ts"]
