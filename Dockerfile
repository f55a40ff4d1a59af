# djkg API image. Build: docker build -t djkg .   (used by docker-compose.yml)
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DJKG_DATA_DIR=/data
WORKDIR /app
COPY pyproject.toml README.md ./
COPY djkg ./djkg
RUN pip install . && useradd --system --uid 10001 djkg && mkdir -p /data && chown djkg /data
COPY data/cases /app/data/cases
USER djkg
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
# Load the shipped corpus (idempotent), then serve. Listen on all interfaces inside the container only.
CMD ["sh", "-c", "djkg ingest /app/data/cases && exec djkg serve --host 0.0.0.0 --port 8000"]
