# Folkevalgt-bot as a container image.
#
#   docker build -t folkevalgt-bot .
#   docker run -p 8080:8080 -v folkevalgt-data:/data folkevalgt-bot
#
# Two stages: Maven builds the release archive (the same folkevalgt-bot-<version>.tar.gz that
# `mvn package` makes), then a Java 17 runtime gets it unpacked under /opt/folkevalgt-bot.
# Everything the bot writes (the embedded H2 database unless DATABASE_URL is set, the search index)
# is under the one volume /data. See docs/operations.md, "Container".
#
# The base images are build arguments, so a registry mirror or a locally made image can stand in
# for the public ones (scripts/container/check.sh builds on images made from Debian packages).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
# Extra Maven options, e.g. "-o -Dmaven.repo.local=/m2" for an offline build against a repository
# mounted into the build (scripts/container/check.sh does that where Maven Central is out of reach).
ARG MAVEN_BUILD_ARGS=""
# The cache mount keeps downloaded dependencies between builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp ${MAVEN_BUILD_ARGS} -DskipTests package \
 && mkdir /release \
 && tar -xzf distribution/target/folkevalgt-bot-*.tar.gz -C /release --strip-components=1 \
 && test -x /release/bin/bot && test -f /release/lib/folkevalgt-bot.jar

FROM ${RUNTIME_IMAGE}
# The word cloud draws with the DejaVu font bundled in the jar, but Java's font system on Linux
# needs fontconfig and a system font to start (and the Teams app icons use the logical SansSerif
# font): fontconfig + DejaVu. curl is for the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*

# A user of its own (no login, no home beyond its data), and the one folder it may write.
RUN groupadd --gid 10001 folkevalgt \
 && useradd --uid 10001 --gid folkevalgt --no-log-init --home-dir /data --no-create-home --shell /usr/sbin/nologin folkevalgt \
 && mkdir -p /data \
 && chown folkevalgt:folkevalgt /data \
 && chmod 0750 /data

# Owned by root and read-only to the bot: only /data is its own.
COPY --from=build /release /opt/folkevalgt-bot

ENV BOT_HOME=/opt/folkevalgt-bot \
    DATA_DIR=/data \
    INDEX_DIR=/data/index \
    HOST=0.0.0.0 \
    PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Xshare:auto"

WORKDIR /opt/folkevalgt-bot
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080

# 200 when the index is loaded, the database answers and the post scheduler polls (docs/operations.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/readyz" || exit 1

# bin/bot execs java, so the JVM is PID 1 and gets SIGTERM directly: requests in flight and a
# running post finish, scheduler claims are released (allow it 30 s: docker stop -t 45).
ENTRYPOINT ["/opt/folkevalgt-bot/bin/bot"]
CMD ["serve"]
