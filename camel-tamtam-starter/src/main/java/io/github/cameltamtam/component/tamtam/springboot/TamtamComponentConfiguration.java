/*
 * Copyright 2026 The camel-tamtam authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameltamtam.component.tamtam.springboot;

import java.net.http.HttpClient;
import java.time.Duration;

import io.github.cameltamtam.component.tamtam.TamtamConfiguration;
import io.github.cameltamtam.component.tamtam.TamtamCreditCheck;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Add companies, named by their numeric LinkedIn ID, to a user's TamTam Key Accounts: the body becomes paced, batched
 * API calls and a per-ID result.
 * <p>
 * One field per option of the {@code tamtam} component (its Camel catalog, {@code tamtam.json}); each is copied onto
 * the component when set. Options set on an endpoint URI override these for that endpoint.
 */
@ConfigurationProperties(prefix = "camel.component.tamtam")
public class TamtamComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the tamtam component. This is enabled by default.
     */
    @SuppressWarnings("unused")
    private Boolean enabled;

    /**
     * Secret. The TamTam account API key, sent raw in the Authorization header. Never write it literally: take it
     * from the environment with a Camel placeholder, e.g. camel.component.tamtam.api-key={{env:TAMTAM_API_KEY}} (Camel
     * then treats it as a secret and masks it in logged URIs), and not in an endpoint URI.
     */
    private String apiKey;

    /**
     * Base URL of the TamTam API. Plain http is accepted only for loopback hosts (the simulator, tests); any other
     * host must use https.
     */
    private String baseUrl = "https://api.tamtam.ai/api";

    /**
     * Email of the TamTam user whose Key Accounts receive the companies. Overridden by the CamelTamtamUserEmail header or
     * user_email of a request object in the body.
     */
    private String userEmail;

    /**
     * Comma-separated tags applied to the added companies; they replace existing tags on each company. Overridden by
     * the CamelTamtamTags header.
     */
    private String tags;

    /**
     * Priority tier of the added companies. Allowed values: 1, 2 or 3 (higher = higher priority; the API defaults to
     * 1). Overridden by the CamelTamtamTierLevel header.
     */
    private Integer tierLevel;

    /**
     * Maximum number of company IDs per API request, 1..50.
     */
    private Integer batchSize = 50;

    /**
     * Fail the exchange with a TamtamPaymentRequiredException (carrying the result) when the account runs out of
     * credits, instead of completing it with TamtamPaymentRequired=true.
     */
    private Boolean failOnPaymentRequired = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Shared options of all tamtam endpoints; each endpoint may override them. The option is a
     * io.github.cameltamtam.component.tamtam.TamtamConfiguration type: refer to a bean with #bean:name.
     */
    private TamtamConfiguration configuration;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Timeout for opening a connection to the API.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * keyAccounts: read the remaining MaxKeyAccountsUnlocked credits (GET /v2/credits) before the first batch. fail:
     * fail the exchange before any add request when the distinct IDs exceed them; trim: send only as many IDs as there
     * are credits and report the rest as ignored and unsent. IDs already in Key Accounts cost nothing, so the check is
     * an upper bound.
     */
    private TamtamCreditCheck creditCheck = TamtamCreditCheck.off;

    /**
     * keyAccounts: read, validate, de-duplicate and batch the input exactly as a real call would, but send nothing: the
     * body becomes a KeyAccountsPlan with the batches and their JSON payloads. No request is made and no credit spent.
     */
    private Boolean dryRun = false;

    /**
     * How often, at most, the producer health check asks the API (GET /v2/credits, paced with the key's other
     * requests); between two asks it reports the last answer.
     */
    private Duration healthCheckInterval = Duration.ofSeconds(60);

    /**
     * How long one health-check call waits for the API at most (the credits request, its retries and its pacer slot
     * included); a check that takes longer is reported as not answered, UP. Independent of requestTimeout, so that a
     * readiness probe never blocks for long.
     */
    private Duration healthCheckTimeout = Duration.ofSeconds(5);

    /**
     * Report the producer health check DOWN when the Key Accounts credits are exhausted. By default it stays UP and says
     * so in its message and details (credits_exhausted): a readiness probe that includes the producers group would
     * otherwise take every replica out of service, while the exchanges report payment_required themselves. A rejected
     * key (401/403) is DOWN either way.
     */
    private Boolean healthCheckDownOnNoCredits = false;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * A java.net.http.HttpClient to use instead of the one the component builds (connectTimeout, the proxy and TLS
     * options are then the client's own business). It must not follow redirects (a 3xx would carry the API key to
     * another host) and must have no Authenticator (the JDK then drops the Authorization header): the endpoint refuses
     * to start otherwise. The component does not stop it. The option is a java.net.http.HttpClient type: refer to a
     * bean with #bean:name.
     */
    private HttpClient httpClient;

    /**
     * Maximum requests of one exchange in flight at once, so that network latency does not cap throughput; the rate
     * stays bounded by requestsPerSecond.
     */
    private Integer maxConcurrentRequests = 10;

    /**
     * How many times a request answered 5xx, or failed with an I/O error, is retried. A 429 (throttling) does not
     * count: it is bounded by maxThrottleWait.
     */
    private Integer maxRetries = 3;

    /**
     * How long one request (a batch) may wait under throttling: from its first 429 answer, it is sent again, paced by
     * the key's adaptive pacer, until this time has passed; a 429 after that fails the exchange with a
     * TamtamApiException. A Retry-After longer than what is left of this time fails the batch at once (the exception
     * carries the Retry-After), and the key never pauses longer than this. 429s are counted in
     * TamtamThrottledRequestCount.
     */
    private Duration maxThrottleWait = Duration.ofMinutes(5);

    /**
     * Shared pacing across replicas: a Bucket4j ProxyManager with String keys (PostgreSQL, MySQL, Redis, Hazelcast,
     * Infinispan... e.g. #bean:tamtamProxyManager). Every replica (JVM or CamelContext) given the same store takes
     * each request's slot from one bucket per API key (named by a SHA-256 hash of the key, never the key): no burst,
     * one request per 1/requestsPerSecond plus a small margin across all replicas together, and a 429 puts the bucket
     * in debt so that every replica pauses. Needs com.bucket4j:bucket4j_jdk17-core and the store's Bucket4j module on
     * the class path. Unset (the default): each CamelContext paces on its own. The option is of type
     * io.github.bucket4j.distributed.proxy.ProxyManager: give a #bean:name reference (Camel resolves it), so that the
     * starter works without Bucket4j on the class path.
     */
    private String pacerProxyManager;

    /**
     * With a pacerProxyManager: the longest a request waits for one answer of the shared store (its slot, or a 429's
     * debt). A store that fails or does not answer in time is logged once at WARN (naming the store's type, never the
     * key), counted (tamtam.pacer.store.failures) and shown by the health check and the dev console; meanwhile each
     * replica paces on its own (local and adaptive pacing, at requestsPerSecond), and takes its slots from the shared
     * bucket again once the store answers (asked at most once a second). Also give the store's connections timeouts of
     * their own (PgJDBC: socketTimeout, connectTimeout): a call blocked in the driver is ended only by those.
     */
    private Duration pacerStoreTimeout = Duration.ofSeconds(2);

    /**
     * With a pacerProxyManager: when the shared store fails or does not answer within pacerStoreTimeout, fail the
     * requests it gave no slot to (a TamtamPacerStoreException; their IDs are reported failed, never sent) instead of
     * pacing them on this replica alone.
     */
    private Boolean failOnPacerStoreFailure = false;

    /**
     * Cap on any single retry wait. A Retry-After longer than this fails the exchange at once with a
     * TamtamApiException, so Camel's redelivery policies can take over.
     */
    private Duration maxRetryWait = Duration.ofSeconds(30);

    /**
     * keyAccounts: while one exchange runs longer than this, an INFO line every interval says how far it has come (file
     * name or exchange id, IDs sent of all, IDs/s, about how long is left); 0 turns the line off. The dev console and
     * the metrics show the same figures.
     */
    private Duration progressInterval = Duration.ofSeconds(10);

    /**
     * Maximum requests per second sent with one API key, shared by every endpoint and exchange of the CamelContext
     * using that key. The API allows 10; requests are evenly spaced with a small safety margin, so no 1-second window
     * at the server holds more. Every endpoint of a key must use the same value: a different one fails the start,
     * naming both endpoints (to slow one route down, use Camel's throttle EIP).
     */
    private Double requestsPerSecond = 10.0;

    /**
     * Timeout for one HTTP request, from sending it to receiving the response headers.
     */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * First retry delay; each further retry doubles it, plus random jitter. A Retry-After header from the server takes
     * precedence.
     */
    private Duration retryDelay = Duration.ofSeconds(1);

    /**
     * Skip input values that are not valid company IDs and report them in TamtamInvalidCompanyLinkedinIds, instead of
     * failing the exchange before anything is sent.
     */
    private Boolean skipInvalidIds = false;

    /**
     * Name of the column holding the company IDs (matched ignoring case, spaces, _ and -), for CSV and Map rows. By
     * default a column whose name says LinkedIn with ID or URL (LinkedIn Company ID, linkedin_url, ...) or whose values
     * are LinkedIn company URLs is read, else a company_id or id column; two such columns fail as ambiguous.
     */
    private String csvColumn;

    /**
     * CSV delimiter: a comma, a semicolon or a tab (written \t or tab). By default the one used consistently over the
     * first rows, or Excel's sep= first line.
     */
    private String csvDelimiter;

    /**
     * Host of an HTTP proxy to reach the API through (https goes through a CONNECT tunnel).
     */
    private String proxyHost;

    /**
     * Port of the HTTP proxy.
     */
    private Integer proxyPort;

    /**
     * Secret. User name for Basic proxy authentication, sent pre-emptively in Proxy-Authorization to the proxy only
     * (never to the API). For https (CONNECT) the JVM must allow Basic for tunnels: start it with
     * -Djdk.http.auth.tunneling.disabledSchemes= (empty); the endpoint refuses to start otherwise.
     */
    private String proxyUsername;

    /**
     * Secret. Password for Basic proxy authentication; take it from the environment, e.g.
     * {{env:TAMTAM_PROXY_PASSWORD}}.
     */
    private String proxyPassword;

    /**
     * TLS settings for the https connection to the API (e.g. a corporate trust store), as Camel SSLContextParameters;
     * by default the JVM's trust store is used. Ignored when an httpClient is supplied. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type: refer to a bean with #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public void setUserEmail(String userEmail) {
        this.userEmail = userEmail;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public Integer getTierLevel() {
        return tierLevel;
    }

    public void setTierLevel(Integer tierLevel) {
        this.tierLevel = tierLevel;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Boolean getFailOnPaymentRequired() {
        return failOnPaymentRequired;
    }

    public void setFailOnPaymentRequired(Boolean failOnPaymentRequired) {
        this.failOnPaymentRequired = failOnPaymentRequired;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public TamtamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TamtamConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public TamtamCreditCheck getCreditCheck() {
        return creditCheck;
    }

    public void setCreditCheck(TamtamCreditCheck creditCheck) {
        this.creditCheck = creditCheck;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public Duration getHealthCheckTimeout() {
        return healthCheckTimeout;
    }

    public void setHealthCheckTimeout(Duration healthCheckTimeout) {
        this.healthCheckTimeout = healthCheckTimeout;
    }

    public Boolean getHealthCheckDownOnNoCredits() {
        return healthCheckDownOnNoCredits;
    }

    public void setHealthCheckDownOnNoCredits(Boolean healthCheckDownOnNoCredits) {
        this.healthCheckDownOnNoCredits = healthCheckDownOnNoCredits;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxThrottleWait() {
        return maxThrottleWait;
    }

    public void setMaxThrottleWait(Duration maxThrottleWait) {
        this.maxThrottleWait = maxThrottleWait;
    }

    public Duration getPacerStoreTimeout() {
        return pacerStoreTimeout;
    }

    public void setPacerStoreTimeout(Duration pacerStoreTimeout) {
        this.pacerStoreTimeout = pacerStoreTimeout;
    }

    public Boolean getFailOnPacerStoreFailure() {
        return failOnPacerStoreFailure;
    }

    public void setFailOnPacerStoreFailure(Boolean failOnPacerStoreFailure) {
        this.failOnPacerStoreFailure = failOnPacerStoreFailure;
    }

    public String getPacerProxyManager() {
        return pacerProxyManager;
    }

    public void setPacerProxyManager(String pacerProxyManager) {
        this.pacerProxyManager = pacerProxyManager;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public Double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(Double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getSkipInvalidIds() {
        return skipInvalidIds;
    }

    public void setSkipInvalidIds(Boolean skipInvalidIds) {
        this.skipInvalidIds = skipInvalidIds;
    }

    public String getCsvColumn() {
        return csvColumn;
    }

    public void setCsvColumn(String csvColumn) {
        this.csvColumn = csvColumn;
    }

    public String getCsvDelimiter() {
        return csvDelimiter;
    }

    public void setCsvDelimiter(String csvDelimiter) {
        this.csvDelimiter = csvDelimiter;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    @Override
    public String toString() {
        return "TamtamComponentConfiguration[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "null" : "xxxxxx")
                + ", userEmail=" + userEmail + ", batchSize=" + batchSize + "]";
    }
}
