# One image for every function; the FUNCTION build arg picks which one the container runs
# (upload, index, query, backup-status, health, analytics), or `worker` / `migrate` for the commands;
# the `backup` target adds PostgreSQL's client tools (backup-status, the backup service).
# The `nginx` target is the entry point with the API reference page and contract baked in.
# Production runs the bundles `npm run build` writes to dist/ (tools/build.ts): plain JavaScript,
# no TypeScript loader, no sources. Node 24 is the current LTS line (Node 20 left support on
# 2026-04-30); the README says which versions run Docstack and why.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY clients/typescript/package.json ./clients/typescript/package.json
COPY console/package.json ./console/package.json
# onnxruntime-node's install script would fetch CUDA libraries from outside the registry; the
# CPU runtime ships in the package.
ENV ONNXRUNTIME_NODE_INSTALL=skip
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY shared ./shared
COPY functions ./functions
COPY bin ./bin
COPY tools/build.ts tools/build-console.ts ./tools/
COPY clients ./clients
COPY console ./console
RUN npm run build

# The packages the bundles leave external (native addons, WASM engines, packages that find their
# own files by path): production dependencies only. Their Windows and macOS binaries (~220 MB)
# are of no use here.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY clients/typescript/package.json ./clients/typescript/package.json
COPY console/package.json ./console/package.json
ENV ONNXRUNTIME_NODE_INSTALL=skip
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/onnxruntime-node/bin/napi-v6/darwin node_modules/onnxruntime-node/bin/napi-v6/win32

FROM node:24-bookworm-slim AS function
ARG FUNCTION=health
ENV FUNCTION=${FUNCTION} NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# FUNCTION names a bundle: a function (upload, index, query, backup-status, health, analytics) or a command
# (worker, migrate, keys, backup-scheduler, ...). The source maps are in dist/ beside the bundles:
# NODE_OPTIONS=--enable-source-maps maps stack traces to the sources, at a start-up cost (about
# 30 MiB and 100-300 ms here), so it is off by default.
CMD ["sh", "-c", "exec node dist/$FUNCTION.js"]

# A function image with PostgreSQL 17's client tools (pg_dump must be at least the server's
# version): backup-status (POST /backups/run) and the scheduled `backup` service
# (FUNCTION=backup-scheduler). Node is copied from the official image.
FROM postgres:17-bookworm AS backup
# Not the PostgreSQL server entrypoint: this image runs Node.
ENTRYPOINT []
ARG FUNCTION=backup-scheduler
ENV FUNCTION=${FUNCTION} NODE_ENV=production HOST=0.0.0.0 PORT=8080 BACKUP_DIR=/backups
COPY --from=node:24-bookworm-slim /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
# The same application files as the function image.
COPY --from=function /app /app
# The named volume takes this directory's owner, so the backup user can write to it.
RUN mkdir -p /backups && chown postgres:postgres /backups
USER postgres
EXPOSE 8080
CMD ["sh", "-c", "exec node dist/$FUNCTION.js"]

# Nginx with /openapi.yaml, /docs/ (swagger-ui-dist from the lockfile, no CDN) and the console at /console/.
FROM nginx:1.27-alpine AS nginx
COPY --from=deps /app/node_modules/swagger-ui-dist /usr/share/docstack/docs
COPY infra/docs/ /usr/share/docstack/docs/
COPY openapi.yaml /usr/share/docstack/openapi.yaml
COPY infra/nginx/nginx.conf /etc/nginx/nginx.conf
COPY infra/nginx/docstack-upstreams.compose.conf /etc/nginx/docstack-upstreams.conf
COPY infra/nginx/docstack-listen.compose.conf /etc/nginx/docstack-listen.conf
COPY infra/nginx/docstack-docs.compose.conf /etc/nginx/docstack-docs.conf
COPY --from=build /app/dist/console /usr/share/docstack/console
COPY infra/nginx/docstack-console.compose.conf /etc/nginx/docstack-console.conf
