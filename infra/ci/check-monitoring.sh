#!/usr/bin/env bash
# The monitoring files, checked with Prometheus's own tool (Debian's prometheus package):
# the Compose scrape config, the alert rules, and each alert firing in its unit test.
set -euo pipefail
cd "$(dirname "$0")/../prometheus"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The config names the rules by their path inside the container; check it against this copy.
cp alerts.yml "$scratch/alerts.yml"
sed "s#/etc/prometheus/alerts.yml#$scratch/alerts.yml#" prometheus.yml > "$scratch/prometheus.yml"
promtool check config "$scratch/prometheus.yml"
promtool check rules alerts.yml
promtool test rules alerts.test.yml
