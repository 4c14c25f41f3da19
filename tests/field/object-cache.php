<?php
/**
 * A persistent object cache over Redis (phpredis), for the field tests only.
 *
 * Copied into a test site's wp-content/object-cache.php by tools/field.sh and tools/test-php.sh
 * (the `redis` suite). It is not part of the plugin and not meant for production: a production
 * site runs a maintained drop-in (Redis Object Cache, wp-redis, …), none of which any registry
 * serves here. It does what those do where the plugin depends on it: values shared by every PHP
 * process of the site, expiry, atomic add (SET NX), atomic incr/decr, groups, global and
 * non-persistent groups, flush_group, and a per-request runtime copy of what it read or wrote.
 *
 * Configuration, from the environment: ACAPI_REDIS_PORT (required; host 127.0.0.1),
 * ACAPI_REDIS_DB (default 0) and ACAPI_REDIS_PREFIX (default: derived from the database, so two
 * sites on one Redis never share keys). When Redis does not answer, every request fails loudly:
 * a test that silently ran without the cache would prove nothing.
 *
 * @package Creators_Connect
 */

// phpcs:disable Generic.Files.OneObjectStructurePerFile, WordPress.NamingConventions.PrefixAllGlobals, Universal.Files.SeparateFunctionsFromOO -- a WordPress drop-in: core's function names and class, one file.

/**
 * The object cache, over one Redis connection per request.
 */
final class WP_Object_Cache {

	/**
	 * Runtime copy: full key => value (or the `false` of a known miss is not kept).
	 *
	 * @var array<string, mixed>
	 */
	private array $local = array();

	/**
	 * Global groups (no blog id in their keys).
	 *
	 * @var array<string, true>
	 */
	private array $global_groups = array();

	/**
	 * Groups kept in this request only.
	 *
	 * @var array<string, true>
	 */
	private array $non_persistent_groups = array();

	/**
	 * Connection.
	 *
	 * @var Redis
	 */
	private Redis $redis;

	/**
	 * Key prefix of this site.
	 *
	 * @var string
	 */
	private string $prefix;

	/**
	 * Current blog id.
	 *
	 * @var int
	 */
	private int $blog_id;

	/**
	 * Reads and writes that reached Redis (for tests that check the cache was used).
	 *
	 * @var array{hits: int, misses: int, writes: int}
	 */
	public array $stats = array(
		'hits'   => 0,
		'misses' => 0,
		'writes' => 0,
	);

	/**
	 * Connects to Redis.
	 *
	 * @throws RuntimeException When Redis is not configured or does not answer.
	 */
	public function __construct() {
		$port = (int) getenv( 'ACAPI_REDIS_PORT' );
		if ( $port <= 0 || ! class_exists( 'Redis' ) ) {
			throw new RuntimeException( 'object-cache.php (test drop-in): set ACAPI_REDIS_PORT and install php8.2-redis.' );
		}
		$this->redis = new Redis();
		if ( ! @$this->redis->connect( '127.0.0.1', $port, 2.0 ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors -- the exception below says why.
			throw new RuntimeException( "object-cache.php (test drop-in): Redis does not answer on 127.0.0.1:$port." );
		}
		$this->redis->select( (int) getenv( 'ACAPI_REDIS_DB' ) );
		$this->redis->setOption( Redis::OPT_SERIALIZER, (string) Redis::SERIALIZER_PHP );
		$prefix        = (string) getenv( 'ACAPI_REDIS_PREFIX' );
		$site          = ( defined( 'DB_NAME' ) ? DB_NAME : '' ) . '|' . ( defined( 'DB_FILE' ) ? DB_DIR . DB_FILE : '' ) . '|' . ( $GLOBALS['table_prefix'] ?? '' );
		$this->prefix  = ( '' !== $prefix ? $prefix : 'wp' . substr( md5( $site ), 0, 8 ) ) . ':';
		$this->blog_id = function_exists( 'get_current_blog_id' ) ? get_current_blog_id() : 1;
	}

	/**
	 * The Redis key of a cache key.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 */
	private function key( $key, string $group ): string {
		$group = '' === $group ? 'default' : $group;
		$blog  = isset( $this->global_groups[ $group ] ) ? 'g' : (string) $this->blog_id;
		return $this->prefix . $blog . ':' . $group . ':' . $key;
	}

	/**
	 * Whether a group lives in this request only.
	 *
	 * @param string $group Group.
	 */
	private function local_only( string $group ): bool {
		return isset( $this->non_persistent_groups[ '' === $group ? 'default' : $group ] );
	}

	/**
	 * A copy of an object value, so that later changes to the caller's object do not change the cache.
	 *
	 * @param mixed $value Value.
	 * @return mixed
	 */
	private static function copy( $value ) {
		return is_object( $value ) ? clone $value : $value;
	}

	/**
	 * Adds a value unless the key exists (atomically across processes).
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds, 0 for no expiry.
	 */
	public function add( $key, $data, $group = 'default', $expire = 0 ): bool {
		if ( function_exists( 'wp_suspend_cache_addition' ) && wp_suspend_cache_addition() ) {
			return false;
		}
		$full = $this->key( $key, (string) $group );
		if ( array_key_exists( $full, $this->local ) ) {
			return false;
		}
		return $this->write( $full, $data, (string) $group, (int) $expire, 'nx' );
	}

	/**
	 * Writes a value under a condition (`nx`: only if absent, `xx`: only if present), in Redis
	 * unless the group is non-persistent, then in the runtime copy.
	 *
	 * @param string $full      Redis key.
	 * @param mixed  $data      Value.
	 * @param string $group     Group.
	 * @param int    $expire    Seconds, 0 for no expiry.
	 * @param string $condition `nx` or `xx`.
	 */
	private function write( string $full, $data, string $group, int $expire, string $condition ): bool {
		if ( $this->local_only( $group ) ) {
			if ( ( 'xx' === $condition ) !== array_key_exists( $full, $this->local ) ) {
				return false;
			}
		} else {
			$options = array( $condition );
			if ( $expire > 0 ) {
				$options['ex'] = $expire;
			}
			++$this->stats['writes'];
			if ( true !== $this->redis->set( $full, $data, $options ) ) {
				return false;
			}
		}
		$this->local[ $full ] = self::copy( $data );
		return true;
	}

	/**
	 * Adds several values.
	 *
	 * @param array<int|string, mixed> $data   Key => value.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds.
	 * @return array<int|string, bool>
	 */
	public function add_multiple( array $data, $group = '', $expire = 0 ): array {
		$out = array();
		foreach ( $data as $key => $value ) {
			$out[ $key ] = $this->add( $key, $value, $group, $expire );
		}
		return $out;
	}

	/**
	 * Replaces a value that exists.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds.
	 */
	public function replace( $key, $data, $group = 'default', $expire = 0 ): bool {
		return $this->write( $this->key( $key, (string) $group ), $data, (string) $group, (int) $expire, 'xx' );
	}

	/**
	 * Stores a value.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds, 0 for no expiry.
	 */
	public function set( $key, $data, $group = 'default', $expire = 0 ): bool {
		$full = $this->key( $key, (string) $group );
		if ( ! $this->local_only( (string) $group ) ) {
			++$this->stats['writes'];
			$ok = (int) $expire > 0 ? $this->redis->setex( $full, (int) $expire, $data ) : $this->redis->set( $full, $data );
			if ( true !== $ok ) {
				return false;
			}
		}
		$this->local[ $full ] = self::copy( $data );
		return true;
	}

	/**
	 * Stores several values.
	 *
	 * @param array<int|string, mixed> $data   Key => value.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds.
	 * @return array<int|string, bool>
	 */
	public function set_multiple( array $data, $group = '', $expire = 0 ): array {
		$out = array();
		foreach ( $data as $key => $value ) {
			$out[ $key ] = $this->set( $key, $value, $group, $expire );
		}
		return $out;
	}

	/**
	 * A value, or false.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @param bool       $force Skip the runtime copy and ask Redis.
	 * @param bool|null  $found Whether the key was found.
	 * @return mixed
	 */
	public function get( $key, $group = 'default', $force = false, &$found = null ) {
		$full = $this->key( $key, (string) $group );
		if ( array_key_exists( $full, $this->local ) && ( ! $force || $this->local_only( (string) $group ) ) ) {
			$found = true;
			return self::copy( $this->local[ $full ] );
		}
		if ( $this->local_only( (string) $group ) ) {
			$found = false;
			return false;
		}
		// EXISTS tells a stored `false` from a miss.
		$value = $this->redis->get( $full );
		$found = false !== $value || $this->redis->exists( $full ) > 0;
		if ( ! $found ) {
			++$this->stats['misses'];
			return false;
		}
		++$this->stats['hits'];
		$this->local[ $full ] = $value;
		return self::copy( $value );
	}

	/**
	 * Several values; false for each missing one.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @param bool              $force Skip the runtime copy.
	 * @return array<int|string, mixed>
	 */
	public function get_multiple( $keys, $group = 'default', $force = false ): array {
		$out     = array();
		$pending = array();
		foreach ( $keys as $key ) {
			$full = $this->key( $key, (string) $group );
			if ( array_key_exists( $full, $this->local ) && ( ! $force || $this->local_only( (string) $group ) ) ) {
				$out[ $key ] = self::copy( $this->local[ $full ] );
			} elseif ( $this->local_only( (string) $group ) ) {
				$out[ $key ] = false;
			} else {
				$pending[ $full ] = $key;
				$out[ $key ]      = false;
			}
		}
		if ( $pending ) {
			$values = $this->redis->mGet( array_keys( $pending ) );
			$index  = 0;
			foreach ( $pending as $full => $key ) {
				$value = is_array( $values ) ? ( $values[ $index ] ?? false ) : false;
				++$index;
				if ( false === $value ) {
					++$this->stats['misses'];
					continue;
				}
				++$this->stats['hits'];
				$this->local[ $full ] = $value;
				$out[ $key ]          = self::copy( $value );
			}
		}
		return $out;
	}

	/**
	 * Deletes a value.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 */
	public function delete( $key, $group = 'default' ): bool {
		$full    = $this->key( $key, (string) $group );
		$existed = array_key_exists( $full, $this->local );
		unset( $this->local[ $full ] );
		if ( $this->local_only( (string) $group ) ) {
			return $existed;
		}
		++$this->stats['writes'];
		return $this->redis->del( $full ) > 0;
	}

	/**
	 * Deletes several values.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @return array<int|string, bool>
	 */
	public function delete_multiple( array $keys, $group = '' ): array {
		$out = array();
		foreach ( $keys as $key ) {
			$out[ $key ] = $this->delete( $key, $group );
		}
		return $out;
	}

	/**
	 * Adds to a number atomically (never below 0, as core's cache does); false when the key is absent.
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false
	 */
	public function incr( $key, $offset = 1, $group = 'default' ) {
		$full = $this->key( $key, (string) $group );
		if ( $this->local_only( (string) $group ) ) {
			if ( ! array_key_exists( $full, $this->local ) ) {
				return false;
			}
			$this->local[ $full ] = max( 0, ( is_numeric( $this->local[ $full ] ) ? (int) $this->local[ $full ] : 0 ) + (int) $offset );
			return $this->local[ $full ];
		}
		// The value is stored PHP-serialized ("i:5;"): read, add and write it back in one step.
		$script = <<<'LUA'
local v = redis.call('GET', KEYS[1])
if not v then return false end
local n = tonumber(string.match(v, '^i:(%-?%d+);$') or string.match(v, '^s:%d+:"(%-?%d+)";$') or 0)
n = n + tonumber(ARGV[1])
if n < 0 then n = 0 end
redis.call('SET', KEYS[1], 'i:' .. n .. ';', 'KEEPTTL')
return n
LUA;
		++$this->stats['writes'];
		$this->redis->setOption( Redis::OPT_SERIALIZER, (string) Redis::SERIALIZER_NONE );
		$value = $this->redis->eval( $script, array( $full, (string) (int) $offset ), 1 );
		$this->redis->setOption( Redis::OPT_SERIALIZER, (string) Redis::SERIALIZER_PHP );
		if ( ! is_int( $value ) ) {
			unset( $this->local[ $full ] );
			return false;
		}
		$this->local[ $full ] = $value;
		return $value;
	}

	/**
	 * Subtracts from a number atomically (never below 0).
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false
	 */
	public function decr( $key, $offset = 1, $group = 'default' ) {
		return $this->incr( $key, - (int) $offset, $group );
	}

	/**
	 * Deletes every key of this site (never the whole Redis database: other sites may share it).
	 */
	public function flush(): bool {
		$this->local = array();
		$this->delete_matching( $this->prefix . '*' );
		return true;
	}

	/**
	 * Forgets the runtime copy only.
	 */
	public function flush_runtime(): bool {
		$this->local = array();
		return true;
	}

	/**
	 * Deletes every key of a group, on every blog.
	 *
	 * @param string $group Group.
	 */
	public function flush_group( $group ): bool {
		$group = '' === (string) $group ? 'default' : (string) $group;
		foreach ( array_keys( $this->local ) as $full ) {
			if ( 1 === preg_match( '/^' . preg_quote( $this->prefix, '/' ) . '[^:]+:' . preg_quote( $group, '/' ) . ':/', (string) $full ) ) {
				unset( $this->local[ $full ] );
			}
		}
		if ( ! $this->local_only( $group ) ) {
			$this->delete_matching( $this->prefix . '*:' . addcslashes( $group, '*?[]\\' ) . ':*' );
		}
		return true;
	}

	/**
	 * Deletes the keys that match a pattern (SCAN, never KEYS: Redis stays responsive).
	 *
	 * @param string $pattern Redis glob pattern.
	 */
	private function delete_matching( string $pattern ): void {
		$this->redis->setOption( Redis::OPT_SCAN, (string) Redis::SCAN_RETRY );
		$cursor = null;
		do {
			$keys = $this->redis->scan( $cursor, $pattern, 500 );
			if ( is_array( $keys ) && $keys ) {
				$this->redis->del( $keys );
				$this->stats['writes'] += count( $keys );
			}
		} while ( $cursor > 0 );
	}

	/**
	 * Marks groups as global.
	 *
	 * @param string|string[] $groups Groups.
	 */
	public function add_global_groups( $groups ): void {
		foreach ( (array) $groups as $group ) {
			$this->global_groups[ (string) $group ] = true;
		}
	}

	/**
	 * Marks groups as kept in this request only.
	 *
	 * @param string|string[] $groups Groups.
	 */
	public function add_non_persistent_groups( $groups ): void {
		foreach ( (array) $groups as $group ) {
			$this->non_persistent_groups[ (string) $group ] = true;
		}
	}

	/**
	 * Switches the blog id of non-global keys.
	 *
	 * @param int $blog_id Blog id.
	 */
	public function switch_to_blog( $blog_id ): void {
		$this->blog_id = (int) $blog_id;
	}

	/**
	 * Closes the connection.
	 */
	public function close(): bool {
		return $this->redis->close();
	}
}

/**
 * Sets up the object cache global.
 */
function wp_cache_init(): void {
	$GLOBALS['wp_object_cache'] = new WP_Object_Cache();
}

/**
 * The object cache.
 */
function acapi_test_object_cache(): WP_Object_Cache {
	return $GLOBALS['wp_object_cache'];
}

/**
 * See WP_Object_Cache::add().
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds.
 */
function wp_cache_add( $key, $data, $group = '', $expire = 0 ): bool {
	return acapi_test_object_cache()->add( $key, $data, $group, (int) $expire );
}

/**
 * See WP_Object_Cache::add_multiple().
 *
 * @param array<int|string, mixed> $data   Key => value.
 * @param string                   $group  Group.
 * @param int                      $expire Seconds.
 * @return array<int|string, bool>
 */
function wp_cache_add_multiple( array $data, $group = '', $expire = 0 ): array {
	return acapi_test_object_cache()->add_multiple( $data, $group, (int) $expire );
}

/**
 * See WP_Object_Cache::replace().
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds.
 */
function wp_cache_replace( $key, $data, $group = '', $expire = 0 ): bool {
	return acapi_test_object_cache()->replace( $key, $data, $group, (int) $expire );
}

/**
 * See WP_Object_Cache::set().
 *
 * @param int|string $key    Key.
 * @param mixed      $data   Value.
 * @param string     $group  Group.
 * @param int        $expire Seconds.
 */
function wp_cache_set( $key, $data, $group = '', $expire = 0 ): bool {
	return acapi_test_object_cache()->set( $key, $data, $group, (int) $expire );
}

/**
 * See WP_Object_Cache::set_multiple().
 *
 * @param array<int|string, mixed> $data   Key => value.
 * @param string                   $group  Group.
 * @param int                      $expire Seconds.
 * @return array<int|string, bool>
 */
function wp_cache_set_multiple( array $data, $group = '', $expire = 0 ): array {
	return acapi_test_object_cache()->set_multiple( $data, $group, (int) $expire );
}

/**
 * See WP_Object_Cache::get().
 *
 * @param int|string $key   Key.
 * @param string     $group Group.
 * @param bool       $force Skip the runtime copy.
 * @param bool|null  $found Whether it was found.
 * @return mixed
 */
function wp_cache_get( $key, $group = '', $force = false, &$found = null ) {
	return acapi_test_object_cache()->get( $key, $group, $force, $found );
}

/**
 * See WP_Object_Cache::get_multiple().
 *
 * @param array<int|string> $keys  Keys.
 * @param string            $group Group.
 * @param bool              $force Skip the runtime copy.
 * @return array<int|string, mixed>
 */
function wp_cache_get_multiple( $keys, $group = '', $force = false ): array {
	return acapi_test_object_cache()->get_multiple( $keys, $group, $force );
}

/**
 * See WP_Object_Cache::delete().
 *
 * @param int|string $key   Key.
 * @param string     $group Group.
 */
function wp_cache_delete( $key, $group = '' ): bool {
	return acapi_test_object_cache()->delete( $key, $group );
}

/**
 * See WP_Object_Cache::delete_multiple().
 *
 * @param array<int|string> $keys  Keys.
 * @param string            $group Group.
 * @return array<int|string, bool>
 */
function wp_cache_delete_multiple( array $keys, $group = '' ): array {
	return acapi_test_object_cache()->delete_multiple( $keys, $group );
}

/**
 * See WP_Object_Cache::incr().
 *
 * @param int|string $key    Key.
 * @param int        $offset Amount.
 * @param string     $group  Group.
 * @return int|false
 */
function wp_cache_incr( $key, $offset = 1, $group = '' ) {
	return acapi_test_object_cache()->incr( $key, (int) $offset, $group );
}

/**
 * See WP_Object_Cache::decr().
 *
 * @param int|string $key    Key.
 * @param int        $offset Amount.
 * @param string     $group  Group.
 * @return int|false
 */
function wp_cache_decr( $key, $offset = 1, $group = '' ) {
	return acapi_test_object_cache()->decr( $key, (int) $offset, $group );
}

/**
 * See WP_Object_Cache::flush().
 */
function wp_cache_flush(): bool {
	return acapi_test_object_cache()->flush();
}

/**
 * See WP_Object_Cache::flush_runtime().
 */
function wp_cache_flush_runtime(): bool {
	return acapi_test_object_cache()->flush_runtime();
}

/**
 * See WP_Object_Cache::flush_group().
 *
 * @param string $group Group.
 */
function wp_cache_flush_group( $group ): bool {
	return acapi_test_object_cache()->flush_group( $group );
}

/**
 * Which optional features this cache has: all of them.
 *
 * @param string $feature Feature.
 */
function wp_cache_supports( $feature ): bool {
	return in_array( $feature, array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true );
}

/**
 * See WP_Object_Cache::close().
 */
function wp_cache_close(): bool {
	return acapi_test_object_cache()->close();
}

/**
 * See WP_Object_Cache::add_global_groups().
 *
 * @param string|string[] $groups Groups.
 */
function wp_cache_add_global_groups( $groups ): void {
	acapi_test_object_cache()->add_global_groups( $groups );
}

/**
 * See WP_Object_Cache::add_non_persistent_groups().
 *
 * @param string|string[] $groups Groups.
 */
function wp_cache_add_non_persistent_groups( $groups ): void {
	acapi_test_object_cache()->add_non_persistent_groups( $groups );
}

/**
 * See WP_Object_Cache::switch_to_blog().
 *
 * @param int $blog_id Blog id.
 */
function wp_cache_switch_to_blog( $blog_id ): void {
	acapi_test_object_cache()->switch_to_blog( (int) $blog_id );
}

/**
 * Deprecated in core since 3.5; kept so that old callers do not fatal.
 */
function wp_cache_reset(): void {
	acapi_test_object_cache()->flush_runtime();
}
