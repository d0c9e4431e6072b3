# syntax=docker/dockerfile:1
#
# Zhunru (准入) application image: one image for the API, the BullMQ workers, the
# migration job and the province platform simulator; docker-compose.yml picks the role
# with `command`. The default command runs the API only.
#
#   docker build -t zhunru:latest .
#   docker run --rm -p 4000:4000 -e DATABASE_URL=… -e REDIS_URL=… -e JWT_SECRET=… zhunru:latest

# ---------------------------------------------------------------------------
# Build stage: install every dependency, compile TypeScript to dist/, then drop the
# development dependencies so node_modules can be copied as-is into the runtime stage.
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Manifests first so the dependency layer is cached until they change.
# `npm install`, not `npm ci`: the lockfile lacks some platform-specific optional
# packages, and `npm ci` refuses to fill them in.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

# Sources (filtered by .dockerignore) and the tsc build: tsconfig.build.json compiles
# src/, workers/ and integrations/ with rootDir "." into dist/ (dist/src/main.js, …).
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p schema

# ---------------------------------------------------------------------------
# Runtime stage: production dependencies and compiled JavaScript only; no compiler,
# no sources, no npm cache.
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

# Application files stay owned by root (read-only for the app); only the data folder
# (DATA_DIR defaults to ./data) is writable by the unprivileged `node` user.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
RUN mkdir -p /app/data /var/lib/zhunru/document-keys && chown node:node /app/data /var/lib/zhunru/document-keys && chmod 700 /var/lib/zhunru/document-keys

# The official node image ships a non-root `node` user (uid 1000).
USER node

EXPOSE 4000

# Liveness only (/healthz: the process is up). Slim images have no curl or wget, so
# the probe uses Node's global fetch. docker-compose.yml replaces it with a /readyz
# probe for the API and disables it for roles that serve no HTTP (workers, migrate).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "dist/src/main.js", "--only", "api"]
