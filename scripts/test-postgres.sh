#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with the role and database the tests
# use by default (TEST_POSTGRES_URL=postgres://hailong:hailong@127.0.0.1:5432/hailong): installs
# Debian's postgresql if it is missing, starts its cluster, creates the role. Needs root (CI, or a
# developer's container); with a server of your own, set TEST_POSTGRES_URL instead.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "== apt-get install postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1) || true
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    cluster=main
    pg_createcluster "$version" "$cluster" -p 5432
  fi
  echo "== starting PostgreSQL $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE hailong LOGIN CREATEDB PASSWORD ''hailong'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hailong') \gexec
SELECT 'CREATE DATABASE hailong OWNER hailong'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'hailong') \gexec
SQL
echo "PostgreSQL ready: postgres://hailong:***@127.0.0.1:5432/hailong"
