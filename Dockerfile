# One image for every function; the FUNCTION build arg picks which one the container runs
# (upload, index, query, backup-status, health), or `worker` / `migrate` for the commands.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ARG FUNCTION=health
ENV FUNCTION=${FUNCTION} NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY shared ./shared
COPY functions ./functions
COPY bin ./bin
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "case \"$FUNCTION\" in worker|migrate) exec node --import tsx bin/$FUNCTION.ts ;; *) exec node --import tsx functions/$FUNCTION/entry.node.ts ;; esac"]
