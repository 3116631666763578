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
package io.github.cameltamtam.component.tamtam;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of the TamTam component. Set on the component ({@code camel.component.tamtam.*}), they are the defaults of
 * every endpoint; set on an endpoint URI, they override the component's for that endpoint.
 */
@UriParams
@Configurer
public class TamtamConfiguration implements Cloneable {

    /** Default API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.tamtam.ai/api";

    @UriPath(description = "The API operation to perform: keyAccounts adds companies to a user's Key Accounts, "
            + "credits reads the account's credit lines.", enums = "keyAccounts,credits")
    @Metadata(required = true)
    private TamtamOperation operation;

    @UriParam(label = "security", secret = true, description = "The TamTam account API key, sent raw in the Authorization header. Set it on the component "
            + "with a placeholder, e.g. camel.component.tamtam.api-key={{env:TAMTAM_API_KEY}}, not in a URI.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(defaultValue = DEFAULT_BASE_URL, description = "Base URL of the TamTam API. Plain http is accepted only for loopback hosts "
            + "(the simulator, tests); any other host must use https.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(description = "Email of the TamTam user whose Key Accounts receive the companies. "
            + "Overridden by the CamelTamtamUserEmail header or user_email of a request object in the body.")
    private String userEmail;

    @UriParam(description = "Comma-separated tags applied to the added companies; they replace existing tags on each "
            + "company. Overridden by the CamelTamtamTags header.")
    private String tags;

    @UriParam(enums = "1,2,3", description = "Priority tier 1..3 of the added companies (higher = higher priority; the API defaults to 1). "
            + "Overridden by the CamelTamtamTierLevel header.")
    private Integer tierLevel;

    @UriParam(defaultValue = "50", description = "Maximum number of company IDs per API request, 1..50.")
    private int batchSize = 50;

    @UriParam(label = "advanced", defaultValue = "false", description = "Skip input values that are not valid company IDs and report them in "
            + "TamtamInvalidCompanyLinkedinIds, instead of failing the exchange before anything is sent.")
    private boolean skipInvalidIds;

    @UriParam(defaultValue = "false", description = "Fail the exchange with a TamtamPaymentRequiredException (carrying the result) when the "
            + "account runs out of credits, instead of completing it with TamtamPaymentRequired=true.")
    private boolean failOnPaymentRequired;

    @UriParam(defaultValue = "off", enums = "off,fail,trim", description = "keyAccounts: read the remaining MaxKeyAccountsUnlocked credits (GET /v2/credits) before the "
            + "first batch. fail: fail the exchange before any add request when the distinct IDs exceed "
            + "them; trim: send only as many IDs as there are credits and report the rest as ignored and "
            + "unsent. IDs already in Key Accounts cost nothing, so the check is an upper bound.")
    private TamtamCreditCheck creditCheck = TamtamCreditCheck.off;

    @UriParam(defaultValue = "false", description = "keyAccounts: read, validate, de-duplicate and batch the input exactly as a real call would, "
            + "but send nothing: the body becomes a KeyAccountsPlan with the batches and their JSON "
            + "payloads. No request is made and no credit spent.")
    private boolean dryRun;

    @UriParam(label = "health", defaultValue = "60s", javaType = "java.time.Duration", description = "How often, at most, the producer health check asks the API (GET /v2/credits, paced with "
            + "the key's other requests); between two asks it reports the last answer.")
    private long healthCheckInterval = 60_000;

    @UriParam(label = "health", defaultValue = "5s", javaType = "java.time.Duration", description = "How long one health-check call waits for the API at most (the credits request, its "
            + "retries and its pacer slot included); a check that takes longer is reported as not "
            + "answered, UP. Independent of requestTimeout, so that a readiness probe never blocks for "
            + "long.")
    private long healthCheckTimeout = 5_000;

    @UriParam(label = "health", defaultValue = "false", description = "Report the producer health check DOWN when the Key Accounts credits are exhausted. By "
            + "default it stays UP and says so in its message and details (credits_exhausted): a "
            + "readiness probe that includes the producers group would otherwise take every replica "
            + "out of service, while the exchanges report payment_required themselves. A rejected key "
            + "(401/403) is DOWN either way.")
    private boolean healthCheckDownOnNoCredits;

    @UriParam(label = "csv", description = "Name of the column holding the company IDs (matched ignoring case, spaces, _ and -), for "
            + "CSV and Map rows. By default a column whose name says LinkedIn with ID or URL (LinkedIn "
            + "Company ID, linkedin_url, ...) or whose values are LinkedIn company URLs is read, else a "
            + "company_id or id column; two such columns fail as ambiguous.")
    private String csvColumn;

    @UriParam(label = "csv", description = "CSV delimiter: a comma, a semicolon or a tab (written \\t or tab). By default the one "
            + "used consistently over the first rows, or Excel's sep= first line.")
    private String csvDelimiter;

    @UriParam(label = "advanced", defaultValue = "10", description = "Maximum requests per second sent with one API key, shared by every endpoint and exchange "
            + "of the CamelContext using that key. The API allows 10; requests are evenly spaced with a "
            + "small safety margin, so no 1-second window at the server holds more. Every endpoint of a "
            + "key must use the same value: a different one fails the start, naming both endpoints "
            + "(to slow one route down, use Camel's throttle EIP).")
    private double requestsPerSecond = 10;

    @UriParam(label = "advanced", defaultValue = "10", description = "Maximum requests of one exchange in flight at once, so that network latency does not cap "
            + "throughput; the rate stays bounded by requestsPerSecond.")
    private int maxConcurrentRequests = 10;

    @UriParam(label = "advanced", defaultValue = "3", description = "How many times a request answered 5xx, or failed with an I/O error, is retried. A 429 "
            + "(throttling) does not count: it is bounded by maxThrottleWait.")
    private int maxRetries = 3;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration", description = "How long one request (a batch) may wait under throttling: from its first 429 answer, it is "
            + "sent again, paced by the key's adaptive pacer, until this time has passed; a 429 after that "
            + "fails the exchange with a TamtamApiException. A Retry-After longer than what is left of this "
            + "time fails the batch at once (the exception carries the Retry-After), and the key never "
            + "pauses longer than this. 429s are counted in TamtamThrottledRequestCount.")
    private long maxThrottleWait = 300_000;

    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration", description = "First retry delay; each further retry doubles it, plus random jitter. "
            + "A Retry-After header from the server takes precedence.")
    private long retryDelay = 1000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration", description = "Cap on any single retry wait. A Retry-After longer than this fails the exchange at once "
            + "with a TamtamApiException, so Camel's redelivery policies can take over.")
    private long maxRetryWait = 30_000;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration", description = "keyAccounts: while one exchange runs longer than this, an INFO line every interval says "
            + "how far it has come (file name or exchange id, IDs sent of all, IDs/s, about how long "
            + "is left); 0 turns the line off. The dev console and the metrics show the same figures.")
    private long progressInterval = 10_000;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration", description = "Timeout for opening a connection to the API.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration", description = "Timeout for one HTTP request, from sending it to receiving the response headers.")
    private long requestTimeout = 30_000;

    @UriParam(label = "proxy", description = "Host of an HTTP proxy to reach the API through (https goes through a CONNECT tunnel).")
    private String proxyHost;

    @UriParam(label = "proxy", description = "Port of the HTTP proxy.")
    private Integer proxyPort;

    @UriParam(label = "proxy,security", secret = true, description = "User name for Basic proxy authentication, sent pre-emptively in Proxy-Authorization to the "
            + "proxy only (never to the API). For https (CONNECT) the JVM must allow Basic for tunnels: "
            + "start it with -Djdk.http.auth.tunneling.disabledSchemes= (empty); the endpoint refuses to "
            + "start otherwise.")
    private String proxyUsername;

    @UriParam(label = "proxy,security", secret = true, description = "Password for Basic proxy authentication.")
    private String proxyPassword;

    @UriParam(label = "security", description = "TLS settings for the https connection to the API (e.g. a corporate trust store), as Camel "
            + "SSLContextParameters; by default the JVM's trust store is used. Ignored when an httpClient "
            + "is supplied.")
    private SSLContextParameters sslContextParameters;

    public TamtamOperation getOperation() {
        return operation;
    }

    public void setOperation(TamtamOperation operation) {
        this.operation = operation;
    }

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

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public boolean isSkipInvalidIds() {
        return skipInvalidIds;
    }

    public void setSkipInvalidIds(boolean skipInvalidIds) {
        this.skipInvalidIds = skipInvalidIds;
    }

    public boolean isFailOnPaymentRequired() {
        return failOnPaymentRequired;
    }

    public void setFailOnPaymentRequired(boolean failOnPaymentRequired) {
        this.failOnPaymentRequired = failOnPaymentRequired;
    }

    public TamtamCreditCheck getCreditCheck() {
        return creditCheck;
    }

    public void setCreditCheck(TamtamCreditCheck creditCheck) {
        this.creditCheck = creditCheck;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public long getHealthCheckTimeout() {
        return healthCheckTimeout;
    }

    public void setHealthCheckTimeout(long healthCheckTimeout) {
        this.healthCheckTimeout = healthCheckTimeout;
    }

    public boolean isHealthCheckDownOnNoCredits() {
        return healthCheckDownOnNoCredits;
    }

    public void setHealthCheckDownOnNoCredits(boolean healthCheckDownOnNoCredits) {
        this.healthCheckDownOnNoCredits = healthCheckDownOnNoCredits;
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

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxThrottleWait() {
        return maxThrottleWait;
    }

    public void setMaxThrottleWait(long maxThrottleWait) {
        this.maxThrottleWait = maxThrottleWait;
    }

    public long getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
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

    /**
     * Checks the options that do not depend on an exchange.
     *
     * @throws IllegalArgumentException naming the option and its offending value
     */
    public void validate() {
        ConfigurationCheck.validate(this);
    }

    /** A copy, so that an endpoint's options never change the component's. */
    public TamtamConfiguration copy() {
        try {
            return (TamtamConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "TamtamConfiguration[operation=" + operation + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "null" : "xxxxxx") + ", userEmail=" + userEmail + ", batchSize=" + batchSize
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
}
